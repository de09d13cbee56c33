namespace SbbCommerce.Api.Modules.Catalog.Browse;

/// <summary>A category of the storefront tree, with its sub-categories.</summary>
/// <param name="Id">Category id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Slug">Slug, usable as <c>GET /api/v1/products?category=</c>.</param>
/// <param name="Description">Description shown on the category page.</param>
/// <param name="SortOrder">Position among its siblings (ascending).</param>
/// <param name="Children">Sub-categories, in sort order.</param>
internal sealed record CategoryNodeResponse(
    Guid Id, string Name, string Slug, string? Description, int SortOrder, IReadOnlyList<CategoryNodeResponse> Children);
