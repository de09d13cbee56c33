using SbbCommerce.Api.Modules.Catalog.Caching;
using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Categories;

internal static class UpdateCategoryEndpoint
{
    public static RouteHandlerBuilder MapUpdateCategory(this RouteGroupBuilder admin) =>
        admin.MapPut("/categories/{id:guid}", HandleAsync)
            .WithName("UpdateCategory")
            .WithSummary("Rename, re-slug, re-order or move a category (any depth). Audited.")
            .WithDescription("404 `category_not_found`; 409 `slug_taken`, `concurrency_conflict`; "
                + "422 `category_cycle` (the new parent is the category or one of its descendants), `category_not_found` (the parent).")
            .WithValidation<UpdateCategoryRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Ok<AdminCategoryResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, UpdateCategoryRequest request, SbbDbContext db, IAuditWriter audit, CatalogReadCache cache,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var categories = db.Set<ProductCategory>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var category = await categories.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return CategoryTree.NotFound();
        }

        if (category.Version != request.Version)
        {
            return ApiProblems.StaleVersion("category");
        }

        if (await categories.AnyAsync(c => c.Id != id && c.Slug == request.Slug, cancellationToken))
        {
            return CategoryTree.SlugTaken();
        }

        if (request.ParentId is { } parentId && parentId != category.ParentId)
        {
            await CategoryTree.LockForMoveAsync(db, cancellationToken);
            if (!await categories.AnyAsync(c => c.Id == parentId, cancellationToken))
            {
                return CategoryTree.ParentNotFound();
            }

            if (await CategoryTree.WouldCycleAsync(db, id, parentId, cancellationToken))
            {
                return ApiProblems.Unprocessable(CatalogErrors.CategoryCycle,
                    "A category cannot be moved under itself or one of its descendants.");
            }
        }

        var before = CategoryAuditValues.Of(category);
        db.Entry(category).Property(c => c.Version).OriginalValue = request.Version!.Value;
        CategoryFields.Apply(category, request, timeProvider.GetDatabaseNow());
        audit.Record("category.updated", CategoryAuditValues.ResourceType, id, before, CategoryAuditValues.Of(category));
        try
        {
            await cache.SaveAndCommitAsync(db, transaction, cancellationToken, CatalogCacheTags.Categories, CatalogCacheTags.Products);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiProblems.StaleVersion("category");
        }
        catch (DbUpdateException exception) when (DbErrors.UniqueViolation(exception) == CatalogConstraints.CategorySlugUnique)
        {
            return CategoryTree.SlugTaken();
        }
        catch (DbUpdateException exception) when (DbErrors.IsForeignKeyViolation(exception))
        {
            return CategoryTree.ParentNotFound();
        }

        return TypedResults.Ok(AdminCategoryResponse.From(category));
    }
}
