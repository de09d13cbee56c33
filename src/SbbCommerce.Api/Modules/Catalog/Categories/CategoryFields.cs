using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Categories;

/// <summary>Writing the request fields onto a category (create and update alike).</summary>
internal static class CategoryFields
{
    public static void Apply(ProductCategory category, ICategoryFields fields, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(fields);
        category.Name = fields.Name.Trim();
        category.Slug = fields.Slug;
        category.Description = string.IsNullOrWhiteSpace(fields.Description) ? null : fields.Description.Trim();
        category.ParentId = fields.ParentId;
        category.SortOrder = fields.SortOrder;
        category.UpdatedAt = now;
    }
}
