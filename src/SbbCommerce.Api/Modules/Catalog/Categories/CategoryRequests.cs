using SbbCommerce.Api.Modules.Catalog.Products;

namespace SbbCommerce.Api.Modules.Catalog.Categories;

/// <summary>A new category.</summary>
/// <param name="Name">Display name, at most 100.</param>
/// <param name="Slug">Unique slug: lower-case letters and digits joined by '-'; at most 100.</param>
/// <param name="Description">Shown on the category page, at most 2000.</param>
/// <param name="ParentId">Parent category; null for a root.</param>
/// <param name="SortOrder">Position among its siblings (ascending, default 0).</param>
internal sealed record CreateCategoryRequest(string Name, string Slug, string? Description, Guid? ParentId, int SortOrder = 0)
    : ICategoryFields;

/// <summary>A category's fields, all replaced. Moving it under one of its own descendants is refused (422 <c>category_cycle</c>).</summary>
/// <param name="Name">Display name, at most 100.</param>
/// <param name="Slug">Unique slug: lower-case letters and digits joined by '-'; at most 100.</param>
/// <param name="Description">Shown on the category page, at most 2000.</param>
/// <param name="ParentId">Parent category; null for a root.</param>
/// <param name="Version">The <c>version</c> as read; a changed one is refused with 409 <c>concurrency_conflict</c>.</param>
/// <param name="SortOrder">Position among its siblings (ascending, default 0).</param>
internal sealed record UpdateCategoryRequest(string Name, string Slug, string? Description, Guid? ParentId, uint? Version, int SortOrder = 0)
    : ICategoryFields;

/// <summary>The fields shared by the create and update requests (one validator checks them).</summary>
internal interface ICategoryFields
{
    string Name { get; }
    string Slug { get; }
    string? Description { get; }
    Guid? ParentId { get; }
    int SortOrder { get; }
}

/// <summary>The rules of the category fields, shared by the create and update validators.</summary>
internal abstract class CategoryFieldsValidator<TRequest> : AbstractValidator<TRequest>
    where TRequest : ICategoryFields
{
    protected CategoryFieldsValidator()
    {
        RuleFor(request => request.Name).NotEmpty().MaximumLength(100)
            .Must(name => name is null || name.Trim().Length > 0).WithMessage("Name must not be blank.");
        RuleFor(request => request.Slug).NotEmpty().MaximumLength(100)
            .Must(ProductFormats.IsSlug).WithMessage("Slug must be lower-case letters and digits joined by '-' (e.g. healing-recovery).");
        RuleFor(request => request.Description).MaximumLength(2000);
        RuleFor(request => request.SortOrder).InclusiveBetween(-1_000_000, 1_000_000);
    }
}

internal sealed class CreateCategoryRequestValidator : CategoryFieldsValidator<CreateCategoryRequest>;

internal sealed class UpdateCategoryRequestValidator : CategoryFieldsValidator<UpdateCategoryRequest>
{
    public UpdateCategoryRequestValidator() => RuleFor(request => request.Version).NotNull()
        .WithMessage("Version is required: send the version of the category as you read it.");
}
