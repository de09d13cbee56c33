namespace SbbCommerce.Api.Modules.Catalog.Data;

/// <summary>Names of the Catalog tables' constraints (db/migrations) whose violation is an answer, not a fault.</summary>
internal static class CatalogConstraints
{
    public const string ProductSkuUnique = "products_sku_unique";
    public const string ProductSlugUnique = "products_slug_unique";
    public const string BatchNumberUnique = "product_batches_number_unique";
    public const string CategorySlugUnique = "product_categories_slug_unique";
    public const string OnHandCoversReserved = "products_on_hand_covers_reserved";
    public const string ReservedNonNegative = "products_reserved_non_negative";
}
