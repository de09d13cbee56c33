using SbbCommerce.Api.Modules.Identity.Addresses;

namespace SbbCommerce.UnitTests.Identity.Addresses;

public sealed class AddressRequestValidatorTests
{
    private readonly AddressRequestValidator _validator = new();

    [Fact]
    public void Given_a_us_address_with_a_state_code_and_zip_Then_it_is_accepted()
    {
        _validator.TestValidate(Address("TX", "73301-1234", "US")).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_a_us_address_with_a_state_name_Then_it_is_refused()
    {
        _validator.TestValidate(Address("Texas", "73301", "US")).ShouldHaveValidationErrorFor(r => r.StateProvince);
    }

    [Fact]
    public void Given_a_foreign_address_Then_state_and_postal_code_are_free_form()
    {
        _validator.TestValidate(Address("Bavaria", "80331", "DE")).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData("us")]
    [InlineData("USA")]
    [InlineData("U")]
    public void Given_a_country_that_is_not_two_upper_case_letters_Then_it_is_refused(string country)
    {
        _validator.TestValidate(Address("X", "1", country)).ShouldHaveValidationErrorFor(r => r.CountryCode);
    }

    [Fact]
    public void Given_an_unknown_address_type_Then_it_is_refused()
    {
        _validator.TestValidate(Address("TX", "73301", "US") with { AddressType = "pickup" }).ShouldHaveValidationErrorFor(r => r.AddressType);
    }

    private static AddressRequest Address(string state, string zip, string country) =>
        new("shipping", false, "Home", "Ada", null, "1 Main St", null, "Austin", state, zip, country, null);
}
