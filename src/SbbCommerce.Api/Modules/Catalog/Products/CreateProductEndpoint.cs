using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Products;

internal static class CreateProductEndpoint
{
    public static RouteHandlerBuilder MapCreateProduct(this RouteGroupBuilder admin) =>
        admin.MapPost("/products", HandleAsync)
            .WithName("CreateProduct")
            .WithSummary("Create a product (a draft). Audited; queues item.upsert for the ERP.")
            .WithDescription("409 `sku_taken`, `slug_taken`; 422 `category_not_found`.")
            .WithValidation<CreateProductRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<AdminProductResponse>, ProblemHttpResult>> HandleAsync(
        CreateProductRequest request, SbbDbContext db, ProductChangeLog changes, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var check = await ProductFields.CheckAsync(db, id, request, cancellationToken);
        if (check.IsRefused)
        {
            return check.Problem();
        }

        var now = timeProvider.GetDatabaseNow();
        var product = new Product
        {
            Id = id,
            Sku = request.Sku,
            Name = request.Name,
            Slug = request.Slug,
            Status = ProductStatus.Draft,
            QuantityOnHand = request.QuantityOnHand,
            CreatedAt = now,
            UpdatedAt = now,
        };
        ProductFields.Apply(product, request);
        var assignments = ProductFields.Assignments(id, request) ?? [];
        db.Set<Product>().Add(product);
        db.Set<ProductCategoryAssignment>().AddRange(assignments);
        changes.Record("product.created", product, before: null, assignments);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (ProductFields.IsKeyTaken(exception))
        {
            return ProductFields.KeyTakenProblem(exception);
        }

        // A draft is not on the storefront: nothing cached to evict.
        return TypedResults.Created($"/api/v1/admin/products/{id}", AdminProductResponse.From(product, assignments));
    }
}
