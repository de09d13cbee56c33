using SbbCommerce.Api.Modules.Catalog.Caching;
using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Products;

internal static class UpdateProductEndpoint
{
    public static RouteHandlerBuilder MapUpdateProduct(this RouteGroupBuilder admin) =>
        admin.MapPut("/products/{id:guid}", HandleAsync)
            .WithName("UpdateProduct")
            .WithSummary("Replace a product's fields (not its stock or status). Audited; queues item.upsert for the ERP.")
            .WithDescription("404 `product_not_found`; 409 `concurrency_conflict` (the version sent is not the current one), "
                + "`sku_taken`, `slug_taken`; 422 `category_not_found`. The storefront shows the change at once.")
            .WithValidation<UpdateProductRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Ok<AdminProductResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, UpdateProductRequest request, SbbDbContext db, ProductChangeLog changes, CatalogReadCache cache,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var product = await db.Set<Product>().SingleOrDefaultAsync(p => p.Id == id && p.DeletedAt == null, cancellationToken);
        if (product is null)
        {
            return AdminProducts.NotFound();
        }

        if (product.EditVersion != request.Version)
        {
            return ApiProblems.StaleVersion("product");
        }

        var check = await ProductFields.CheckAsync(db, id, request, cancellationToken);
        if (check.IsRefused)
        {
            return check.Problem();
        }

        var current = await db.Set<ProductCategoryAssignment>().AsNoTracking().Where(a => a.ProductId == id).ToListAsync(cancellationToken);
        var before = ProductAuditValues.Of(product, current);

        // The version the admin read is the original value: EF updates WHERE edit_version = it, so an admin write
        // that happened in between makes this one fail (0 rows, DbUpdateConcurrencyException) instead of silently
        // overwriting it. Reservations do not move edit_version, and EF writes only the changed columns, so stock
        // changes made meanwhile neither fail this save nor are overwritten by it.
        db.Entry(product).Property(p => p.EditVersion).OriginalValue = request.Version!.Value;
        product.EditVersion = request.Version.Value + 1;
        ProductFields.Apply(product, request);
        product.UpdatedAt = timeProvider.GetDatabaseNow();
        var assignments = ProductFields.Assignments(id, request);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (assignments is not null)
        {
            // Replaced whole, before the inserts: switching the primary never trips the one-primary index.
            await db.Set<ProductCategoryAssignment>().Where(a => a.ProductId == id).ExecuteDeleteAsync(cancellationToken);
            db.Set<ProductCategoryAssignment>().AddRange(assignments);
        }

        changes.Record("product.updated", product, before, assignments ?? current);
        try
        {
            await cache.SaveAndCommitAsync(db, transaction, cancellationToken, CatalogCacheTags.Products);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiProblems.StaleVersion("product");
        }
        catch (DbUpdateException exception) when (ProductFields.IsKeyTaken(exception))
        {
            return ProductFields.KeyTakenProblem(exception);
        }

        return TypedResults.Ok(AdminProductResponse.From(product, assignments ?? current));
    }
}
