using SbbCommerce.Api.Modules.Catalog.Browse;
using SbbCommerce.Api.Modules.Catalog.Contracts;

namespace SbbCommerce.UnitTests.Catalog.Browse;

public sealed class ProductListQueryValidatorTests
{
    private readonly ProductListQueryValidator _validator = new();

    [Theory]
    [InlineData(null)]
    [InlineData("peptide")]
    [InlineData("kit")]
    [InlineData("accessory")]
    [InlineData("bundle")]
    public void Given_a_known_type_or_none_Then_it_is_accepted(string? type)
    {
        _validator.TestValidate(new ProductListQuery("peptides", type, "bpc", 50, null)).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData("Peptide")]
    [InlineData("vitamin")]
    [InlineData("")]
    public void Given_an_unknown_type_Then_it_is_refused(string type)
    {
        _validator.TestValidate(new ProductListQuery(null, type, null, null, null)).ShouldHaveValidationErrorFor(query => query.Type);
    }

    [Fact]
    public void Given_a_query_of_101_characters_Then_it_is_refused()
    {
        _validator.TestValidate(new ProductListQuery(null, null, new string('q', 101), null, null)).ShouldHaveValidationErrorFor(query => query.Q);
    }

    [Fact]
    public void Given_a_snake_case_type_Then_it_parses_to_the_enum()
    {
        Assert.Equal(ProductType.Accessory, new ProductListQuery(null, "accessory", null, null, null).ProductType);
        Assert.Null(new ProductListQuery(null, null, null, null, null).ProductType);
    }
}
