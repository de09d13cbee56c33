using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Categories;

/// <summary>A category as admins see it.</summary>
/// <param name="Id">Category id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Slug">Unique slug.</param>
/// <param name="Description">Description shown on the category page.</param>
/// <param name="ParentId">Parent category; null for a root.</param>
/// <param name="SortOrder">Position among its siblings (ascending).</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="UpdatedAt">Last change.</param>
/// <param name="Version">Send it back with an update: a changed version means someone else saved first (409).</param>
internal sealed record AdminCategoryResponse(
    Guid Id, string Name, string Slug, string? Description, Guid? ParentId, int SortOrder, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, uint Version)
{
    public static AdminCategoryResponse From(ProductCategory category)
    {
        ArgumentNullException.ThrowIfNull(category);
        return new AdminCategoryResponse(category.Id, category.Name, category.Slug, category.Description, category.ParentId,
            category.SortOrder, category.CreatedAt, category.UpdatedAt, category.Version);
    }
}

/// <summary>What <c>audit_logs</c> keeps of a category before and after a change.</summary>
internal sealed record CategoryAuditValues(string Name, string Slug, string? Description, Guid? ParentId, int SortOrder)
{
    public const string ResourceType = "product_category";

    public static CategoryAuditValues Of(ProductCategory category)
    {
        ArgumentNullException.ThrowIfNull(category);
        return new CategoryAuditValues(category.Name, category.Slug, category.Description, category.ParentId, category.SortOrder);
    }
}
