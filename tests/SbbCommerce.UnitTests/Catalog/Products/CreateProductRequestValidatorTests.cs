using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Catalog.Products;

namespace SbbCommerce.UnitTests.Catalog.Products;

public sealed class CreateProductRequestValidatorTests
{
    private readonly CreateProductRequestValidator _validator = new();

    private static CreateProductRequest Valid() => new("SBB-BPC157-5MG", "BPC-157 5mg", "bpc-157-5mg", ProductType.Peptide, 4999, 5999, 1100);

    [Fact]
    public void Given_a_complete_product_Then_it_is_accepted()
    {
        _validator.TestValidate(Valid() with
        {
            RestrictedStates = ["ny", "CA"],
            RestrictedCountries = ["UK", "de"],
            CategoryIds = [Guid.NewGuid()],
        }).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData("sbb-lower")]
    [InlineData("SBB--DOUBLE")]
    [InlineData("-SBB")]
    [InlineData("SBB 5MG")]
    [InlineData("")]
    public void Given_a_malformed_sku_Then_it_is_refused(string sku)
    {
        _validator.TestValidate(Valid() with { Sku = sku }).ShouldHaveValidationErrorFor(request => request.Sku);
    }

    [Fact]
    public void Given_a_sku_of_51_characters_Then_it_is_refused()
    {
        _validator.TestValidate(Valid() with { Sku = new string('A', 51) }).ShouldHaveValidationErrorFor(request => request.Sku);
    }

    [Theory]
    [InlineData("Upper-Case")]
    [InlineData("trailing-")]
    [InlineData("under_score")]
    [InlineData("with space")]
    public void Given_a_malformed_slug_Then_it_is_refused(string slug)
    {
        _validator.TestValidate(Valid() with { Slug = slug }).ShouldHaveValidationErrorFor(request => request.Slug);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Given_a_price_not_above_zero_Then_it_is_refused(int price)
    {
        _validator.TestValidate(Valid() with { PriceCents = price, CompareAtCents = null }).ShouldHaveValidationErrorFor(request => request.PriceCents);
    }

    [Fact]
    public void Given_a_compare_at_price_below_the_price_Then_it_is_refused_and_equal_is_accepted()
    {
        _validator.TestValidate(Valid() with { CompareAtCents = 4998 }).ShouldHaveValidationErrorFor(request => request.CompareAtCents);
        _validator.TestValidate(Valid() with { CompareAtCents = 4999 }).ShouldNotHaveValidationErrorFor(request => request.CompareAtCents);
    }

    [Fact]
    public void Given_a_negative_cost_weight_threshold_or_stock_Then_each_is_refused_and_zero_is_accepted()
    {
        var negative = _validator.TestValidate(Valid() with { CostCents = -1, WeightGrams = -1, LowStockThreshold = -1, QuantityOnHand = -1 });
        var zero = _validator.TestValidate(Valid() with { CostCents = 0, WeightGrams = 0, LowStockThreshold = 0, QuantityOnHand = 0 });

        negative.ShouldHaveValidationErrorFor(request => request.CostCents);
        negative.ShouldHaveValidationErrorFor(request => request.WeightGrams);
        negative.ShouldHaveValidationErrorFor(request => request.LowStockThreshold);
        negative.ShouldHaveValidationErrorFor(request => request.QuantityOnHand);
        zero.ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData("ZZ")]
    [InlineData("N")]
    [InlineData("NYC")]
    [InlineData("")]
    public void Given_a_restricted_state_that_is_not_a_us_state_Then_it_is_refused(string state)
    {
        _validator.TestValidate(Valid() with { RestrictedStates = [state] }).ShouldHaveValidationErrorFor("RestrictedStates[0]");
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("GBR")]
    [InlineData("EU")]
    public void Given_a_restricted_country_that_is_not_iso_3166_alpha_2_Then_it_is_refused(string country)
    {
        _validator.TestValidate(Valid() with { RestrictedCountries = [country] }).ShouldHaveValidationErrorFor("RestrictedCountries[0]");
    }

    [Fact]
    public void Given_uk_for_the_united_kingdom_Then_it_is_accepted_as_gb()
    {
        _validator.TestValidate(Valid() with { RestrictedCountries = ["UK", "gb"] }).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_a_primary_category_outside_the_categories_Then_it_is_refused()
    {
        var result = _validator.TestValidate(Valid() with { CategoryIds = [Guid.NewGuid()], PrimaryCategoryId = Guid.NewGuid() });

        result.ShouldHaveValidationErrorFor(request => request.PrimaryCategoryId);
    }

    [Fact]
    public void Given_repeated_or_too_many_categories_Then_they_are_refused()
    {
        var id = Guid.NewGuid();

        _validator.TestValidate(Valid() with { CategoryIds = [id, id] }).ShouldHaveValidationErrorFor(request => request.CategoryIds);
        _validator.TestValidate(Valid() with { CategoryIds = Enumerable.Range(0, 21).Select(_ => Guid.NewGuid()).ToList() })
            .ShouldHaveValidationErrorFor(request => request.CategoryIds);
    }

    [Fact]
    public void Given_a_blank_name_Then_it_is_refused()
    {
        _validator.TestValidate(Valid() with { Name = "   " }).ShouldHaveValidationErrorFor(request => request.Name);
    }
}
