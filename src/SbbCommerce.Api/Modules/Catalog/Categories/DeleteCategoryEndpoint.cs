using SbbCommerce.Api.Modules.Catalog.Caching;
using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Categories;

internal static class DeleteCategoryEndpoint
{
    public static RouteHandlerBuilder MapDeleteCategory(this RouteGroupBuilder admin) =>
        admin.MapDelete("/categories/{id:guid}", HandleAsync)
            .WithName("DeleteCategory")
            .WithSummary("Delete a category without sub-categories; its products stay, no longer listed in it. Audited.")
            .WithDescription("404 `category_not_found`; 422 `category_has_children` (move or delete them first).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid id, SbbDbContext db, IAuditWriter audit, CatalogReadCache cache, CancellationToken cancellationToken)
    {
        var categories = db.Set<ProductCategory>();
        var category = await categories.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return CategoryTree.NotFound();
        }

        if (await categories.AnyAsync(c => c.ParentId == id, cancellationToken))
        {
            return HasChildren();
        }

        // Its product assignments go with it (ON DELETE CASCADE).
        categories.Remove(category);
        audit.Record("category.deleted", CategoryAuditValues.ResourceType, id, CategoryAuditValues.Of(category), null);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await cache.SaveAndCommitAsync(db, transaction, cancellationToken, CatalogCacheTags.Categories, CatalogCacheTags.Products);
        }
        catch (DbUpdateException exception) when (DbErrors.IsForeignKeyViolation(exception))
        {
            return HasChildren(); // a sub-category was added meanwhile
        }

        return TypedResults.NoContent();
    }

    private static ProblemHttpResult HasChildren() => ApiProblems.Unprocessable(CatalogErrors.CategoryHasChildren,
        "The category has sub-categories: move or delete them first.");
}
