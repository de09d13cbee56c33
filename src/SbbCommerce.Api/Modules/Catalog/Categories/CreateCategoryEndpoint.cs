using SbbCommerce.Api.Modules.Catalog.Caching;
using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Categories;

internal static class CreateCategoryEndpoint
{
    public static RouteHandlerBuilder MapCreateCategory(this RouteGroupBuilder admin) =>
        admin.MapPost("/categories", HandleAsync)
            .WithName("CreateCategory")
            .WithSummary("Create a category, at the root or under a parent. Audited.")
            .WithDescription("409 `slug_taken`; 422 `category_not_found` (the parent).")
            .WithValidation<CreateCategoryRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<AdminCategoryResponse>, ProblemHttpResult>> HandleAsync(
        CreateCategoryRequest request, SbbDbContext db, IAuditWriter audit, CatalogReadCache cache, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var categories = db.Set<ProductCategory>();
        if (await categories.AnyAsync(c => c.Slug == request.Slug, cancellationToken))
        {
            return CategoryTree.SlugTaken();
        }

        if (request.ParentId is { } parentId && !await categories.AnyAsync(c => c.Id == parentId, cancellationToken))
        {
            return CategoryTree.ParentNotFound();
        }

        var now = timeProvider.GetDatabaseNow();
        var category = new ProductCategory
        {
            Id = Guid.CreateVersion7(),
            Name = request.Name,
            Slug = request.Slug,
            CreatedAt = now,
        };
        CategoryFields.Apply(category, request, now);
        categories.Add(category);
        audit.Record("category.created", CategoryAuditValues.ResourceType, category.Id, null, CategoryAuditValues.Of(category));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await cache.SaveAndCommitAsync(db, transaction, cancellationToken, CatalogCacheTags.Categories, CatalogCacheTags.Products);
        }
        catch (DbUpdateException exception) when (DbErrors.UniqueViolation(exception) == CatalogConstraints.CategorySlugUnique)
        {
            return CategoryTree.SlugTaken();
        }
        catch (DbUpdateException exception) when (DbErrors.IsForeignKeyViolation(exception))
        {
            return CategoryTree.ParentNotFound(); // the parent was deleted meanwhile
        }

        return TypedResults.Created($"/api/v1/admin/categories/{category.Id}", AdminCategoryResponse.From(category));
    }
}
