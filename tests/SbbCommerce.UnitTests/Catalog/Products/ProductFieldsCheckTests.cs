using SbbCommerce.Api.Modules.Catalog;
using SbbCommerce.Api.Modules.Catalog.Products;

namespace SbbCommerce.UnitTests.Catalog.Products;

public sealed class ProductFieldsCheckTests
{
    [Fact]
    public void Given_a_taken_sku_When_answering_Then_it_is_a_conflict_with_its_code() =>
        AssertConflict(ProductFieldsRefusal.SkuTaken, CatalogErrors.SkuTaken);

    [Fact]
    public void Given_a_taken_slug_When_answering_Then_it_is_a_conflict_with_its_code() =>
        AssertConflict(ProductFieldsRefusal.SlugTaken, CatalogErrors.SlugTaken);

    [Fact]
    public void Given_unknown_categories_When_answering_Then_it_is_unprocessable_and_names_them()
    {
        var missing = Guid.NewGuid();

        var problem = new ProductFieldsCheck(ProductFieldsRefusal.CategoryNotFound, [missing]).Problem().ProblemDetails;

        Assert.Equal(422, problem.Status);
        Assert.Equal(CatalogErrors.CategoryNotFound, problem.Extensions["code"]);
        Assert.Contains(missing.ToString(), problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_fields_that_passed_Then_there_is_nothing_to_answer()
    {
        Assert.False(ProductFieldsCheck.Passed.IsRefused);
        Assert.Throws<InvalidOperationException>(() => ProductFieldsCheck.Passed.Problem());
    }

    private static void AssertConflict(ProductFieldsRefusal refusal, string code)
    {
        var check = ProductFieldsCheck.Refused(refusal);

        Assert.True(check.IsRefused);
        var problem = check.Problem().ProblemDetails;
        Assert.Equal(409, problem.Status);
        Assert.Equal(code, problem.Extensions["code"]);
    }
}
