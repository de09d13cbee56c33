using SbbCommerce.Api.Modules.Catalog.Compliance;

namespace SbbCommerce.UnitTests.Catalog.Compliance;

public sealed class ShippingRestrictionsTests
{
    [Fact]
    public void Given_no_countries_Then_the_default_list_has_gb_not_uk()
    {
        Assert.Equal(["AU", "CA", "GB"], ShippingRestrictions.Countries(null));
    }

    [Fact]
    public void Given_countries_in_any_case_with_uk_and_duplicates_Then_they_are_stored_upper_case_sorted_and_unique()
    {
        Assert.Equal(["DE", "GB"], ShippingRestrictions.Countries(["uk", " de", "GB"]));
        Assert.Empty(ShippingRestrictions.Countries([]));
    }

    [Fact]
    public void Given_states_in_any_case_Then_they_are_stored_upper_case_sorted_and_unique()
    {
        Assert.Equal(["CA", "NY"], ShippingRestrictions.States(["ny", "CA", "Ny"]));
        Assert.Empty(ShippingRestrictions.States(null));
    }

    [Theory]
    [InlineData("GB", true)]
    [InlineData("US", true)]
    [InlineData("UK", false)]
    [InlineData("gb", false)]
    public void Given_a_code_Then_iso_3166_alpha_2_decides(string code, bool valid)
    {
        Assert.Equal(valid, IsoCountries.IsValid(code));
    }

    [Theory]
    [InlineData("NY", true)]
    [InlineData("DC", true)]
    [InlineData("PR", true)]
    [InlineData("ZZ", false)]
    public void Given_a_code_Then_the_us_state_list_decides(string code, bool valid)
    {
        Assert.Equal(valid, UsStates.IsValid(code));
    }
}
