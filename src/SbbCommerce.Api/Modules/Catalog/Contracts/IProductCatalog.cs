namespace SbbCommerce.Api.Modules.Catalog.Contracts;

/// <summary>Reads products for other modules (Cart, Orders): always from the database, never from a cache.</summary>
public interface IProductCatalog
{
    /// <summary>The products among <paramref name="productIds"/> that exist (deleted ones included, flagged).</summary>
    Task<IReadOnlyList<ProductSnapshot>> GetProductsAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken);
}
