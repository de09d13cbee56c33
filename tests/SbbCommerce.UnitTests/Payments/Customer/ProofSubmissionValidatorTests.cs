using SbbCommerce.Api.Modules.Payments.Customer.SubmitProof;

namespace SbbCommerce.UnitTests.Payments.Customer;

public sealed class ProofSubmissionValidatorTests
{
    private readonly ProofSubmissionValidator _validator = new();

    [Fact]
    public void Given_a_reference_and_short_notes_When_validated_Then_it_is_accepted()
    {
        _validator.TestValidate(new ProofSubmission("ZELLE-123", "sent it")).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Given_no_reference_When_validated_Then_one_error_is_named_customerReference(string? reference)
    {
        _validator.TestValidate(new ProofSubmission(reference, null)).ShouldHaveValidationErrorFor("customerReference")
            .WithErrorMessage(ProofSubmissionValidator.Message);
    }

    [Fact]
    public void Given_a_reference_over_100_characters_When_validated_Then_it_is_refused()
    {
        _validator.TestValidate(new ProofSubmission(new string('x', 101), null)).ShouldHaveValidationErrorFor("customerReference");
    }

    [Fact]
    public void Given_notes_over_2000_characters_When_validated_Then_the_error_is_still_named_customerReference()
    {
        _validator.TestValidate(new ProofSubmission("ZELLE-123", new string('x', 2001))).ShouldHaveValidationErrorFor("customerReference");
    }
}
