using SbbCommerce.Api.Modules.Identity.Me.UpdateProfile;

namespace SbbCommerce.UnitTests.Identity.Me.UpdateProfile;

public sealed class UpdateProfileRequestValidatorTests
{
    private readonly UpdateProfileRequestValidator _validator = new();

    [Fact]
    public void Given_no_fields_When_validating_Then_it_is_accepted()
    {
        _validator.TestValidate(Empty()).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_an_empty_first_name_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(Empty() with { FirstName = "" }).ShouldHaveValidationErrorFor(r => r.FirstName);
    }

    [Theory]
    [InlineData("usd")]
    [InlineData("DOLLAR")]
    public void Given_a_currency_that_is_not_three_capitals_When_validating_Then_it_is_refused(string currency)
    {
        _validator.TestValidate(Empty() with { PreferredCurrency = currency }).ShouldHaveValidationErrorFor(r => r.PreferredCurrency);
    }

    [Fact]
    public void Given_a_malformed_locale_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(Empty() with { Locale = "EN_us" }).ShouldHaveValidationErrorFor(r => r.Locale);
    }

    [Fact]
    public void Given_an_empty_phone_When_validating_Then_it_is_accepted_as_a_removal()
    {
        _validator.TestValidate(Empty() with { Phone = "" }).ShouldNotHaveValidationErrorFor(r => r.Phone);
    }

    private static UpdateProfileRequest Empty() => new(null, null, null, null, null, null, null, null, null);
}
