namespace SbbCommerce.Api.Modules.Catalog.Contracts;

/// <summary>The PostgreSQL enum <c>product_status</c>; serialised as its snake_case label.</summary>
public enum ProductStatus
{
    /// <summary><c>draft</c></summary>
    Draft,
    /// <summary><c>active</c></summary>
    Active,
    /// <summary><c>discontinued</c></summary>
    Discontinued,
    /// <summary><c>out_of_stock</c></summary>
    OutOfStock,
}
