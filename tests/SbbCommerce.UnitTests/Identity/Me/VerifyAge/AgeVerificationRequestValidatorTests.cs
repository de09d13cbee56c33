using SbbCommerce.Api.Modules.Identity.Me.VerifyAge;

namespace SbbCommerce.UnitTests.Identity.Me.VerifyAge;

public sealed class AgeVerificationRequestValidatorTests
{
    private readonly AgeVerificationRequestValidator _validator = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Given_a_past_birth_date_When_validating_Then_it_is_accepted()
    {
        _validator.TestValidate(new AgeVerificationRequest(new DateOnly(1990, 5, 1))).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_today_as_birth_date_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(new AgeVerificationRequest(new DateOnly(2026, 11, 27))).ShouldHaveValidationErrorFor(r => r.DateOfBirth);
    }

    [Fact]
    public void Given_a_birth_date_before_1900_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(new AgeVerificationRequest(new DateOnly(1899, 12, 31))).ShouldHaveValidationErrorFor(r => r.DateOfBirth);
    }
}
