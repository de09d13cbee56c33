using SbbCommerce.Api.Modules.Identity.Admin.DecideKyc;

namespace SbbCommerce.UnitTests.Identity.Admin.DecideKyc;

public sealed class KycDecisionRequestValidatorTests
{
    private readonly KycDecisionRequestValidator _validator = new();

    [Theory]
    [InlineData("approved")]
    [InlineData("rejected")]
    [InlineData("pending")]
    public void Given_a_known_decision_When_validating_Then_it_is_accepted(string status)
    {
        _validator.TestValidate(new KycDecisionRequest(status, null)).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_an_unknown_decision_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(new KycDecisionRequest("maybe", null)).ShouldHaveValidationErrorFor(r => r.Status);
    }

    [Fact]
    public void Given_notes_over_1000_characters_When_validating_Then_they_are_refused()
    {
        _validator.TestValidate(new KycDecisionRequest("approved", new string('n', 1001))).ShouldHaveValidationErrorFor(r => r.Notes);
    }
}
