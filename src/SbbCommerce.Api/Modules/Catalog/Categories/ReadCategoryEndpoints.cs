using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Categories;

internal static class ReadCategoryEndpoints
{
    public static RouteGroupBuilder MapReadCategories(this RouteGroupBuilder admin)
    {
        // Not paged: a shop has tens of categories, and an editor wants the whole tree at once.
        admin.MapGet("/categories", ListAsync)
            .WithName("ListAdminCategories")
            .WithSummary("Every category, flat (parentId gives the tree), in sort order, with its version.");
        admin.MapGet("/categories/{id:guid}", GetAsync)
            .WithName("GetAdminCategory")
            .WithSummary("One category with the version an update must send back.")
            .WithDescription("404 `category_not_found`.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return admin;
    }

    private static async Task<Ok<List<AdminCategoryResponse>>> ListAsync(SbbDbContext db, CancellationToken cancellationToken)
    {
        var categories = await db.Set<ProductCategory>().AsNoTracking()
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(categories.Select(AdminCategoryResponse.From).ToList());
    }

    private static async Task<Results<Ok<AdminCategoryResponse>, ProblemHttpResult>> GetAsync(
        Guid id, SbbDbContext db, CancellationToken cancellationToken) =>
        await db.Set<ProductCategory>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is { } category
            ? TypedResults.Ok(AdminCategoryResponse.From(category))
            : CategoryTree.NotFound();
}
