using SbbCommerce.Api.Modules.Catalog.Compliance;

namespace SbbCommerce.Api.Modules.Catalog.Products;

/// <summary>The rules of the product fields, shared by the create and update validators.</summary>
internal abstract class ProductFieldsValidator<TRequest> : AbstractValidator<TRequest>
    where TRequest : IProductFields
{
    public const int MaxCategories = 20;

    protected ProductFieldsValidator()
    {
        RuleFor(request => request.Sku).NotEmpty().MaximumLength(50)
            .Must(ProductFormats.IsSku).WithMessage("Sku must be upper-case letters and digits joined by '-', '_' or '.' (e.g. SBB-BPC157-5MG).");
        RuleFor(request => request.Name).NotEmpty().MaximumLength(255)
            .Must(name => name is null || name.Trim().Length > 0).WithMessage("Name must not be blank.");
        RuleFor(request => request.Slug).NotEmpty().MaximumLength(255)
            .Must(ProductFormats.IsSlug).WithMessage("Slug must be lower-case letters and digits joined by '-' (e.g. bpc-157-5mg).");
        RuleFor(request => request.ProductType).IsInEnum();
        RuleFor(request => request.PriceCents).GreaterThan(0);
        RuleFor(request => request.CompareAtCents)
            .GreaterThanOrEqualTo(request => request.PriceCents).When(request => request.CompareAtCents is not null)
            .WithMessage("Compare-at price must be at least the price.");
        RuleFor(request => request.CostCents).GreaterThanOrEqualTo(0).When(request => request.CostCents is not null);
        RuleFor(request => request.LowStockThreshold).GreaterThanOrEqualTo(0).When(request => request.LowStockThreshold is not null);
        RuleFor(request => request.WeightGrams).GreaterThanOrEqualTo(0).When(request => request.WeightGrams is not null);
        RuleFor(request => request.ShortDescription).MaximumLength(2000);
        RuleFor(request => request.RestrictedStates).Must(states => states is null || states.Count <= 60)
            .WithMessage("At most 60 states.");
        RuleForEach(request => request.RestrictedStates)
            .Must(code => UsStates.IsValid(ShippingRestrictions.NormalizeState(code)))
            .WithMessage("'{PropertyValue}' is not a US state code (two letters, e.g. NY).");
        RuleFor(request => request.RestrictedCountries).Must(countries => countries is null || countries.Count <= 250)
            .WithMessage("At most 250 countries.");
        RuleForEach(request => request.RestrictedCountries)
            .Must(code => IsoCountries.IsValid(ShippingRestrictions.NormalizeCountry(code)))
            .WithMessage("'{PropertyValue}' is not an ISO 3166-1 alpha-2 country code (e.g. GB).");
        RuleFor(request => request.CategoryIds)
            .Must(ids => ids is null || ids.Count <= MaxCategories).WithMessage($"At most {MaxCategories} categories.")
            .Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage("Categories must not repeat.");
        RuleFor(request => request.PrimaryCategoryId)
            .Must((request, primary) => primary is null || (request.CategoryIds?.Contains(primary.Value) ?? false))
            .WithMessage("The primary category must be one of categoryIds.");
    }
}
