using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Catalog.Products;

namespace SbbCommerce.UnitTests.Catalog.Products;

public sealed class UpdateProductRequestValidatorTests
{
    private readonly UpdateProductRequestValidator _validator = new();

    private static UpdateProductRequest Valid() => new("SBB-TB500-5MG", "TB-500 5mg", "tb-500-5mg", ProductType.Peptide, 5499, null, null, 42);

    [Fact]
    public void Given_a_version_Then_the_update_is_accepted()
    {
        _validator.TestValidate(Valid()).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_no_version_Then_it_is_refused()
    {
        _validator.TestValidate(Valid() with { Version = null }).ShouldHaveValidationErrorFor(request => request.Version);
    }

    [Fact]
    public void Given_the_shared_field_rules_Then_they_apply_to_updates_too()
    {
        var result = _validator.TestValidate(Valid() with { PriceCents = 0, Slug = "Bad Slug", RestrictedCountries = ["XX"] });

        result.ShouldHaveValidationErrorFor(request => request.PriceCents);
        result.ShouldHaveValidationErrorFor(request => request.Slug);
        result.ShouldHaveValidationErrorFor("RestrictedCountries[0]");
    }
}
