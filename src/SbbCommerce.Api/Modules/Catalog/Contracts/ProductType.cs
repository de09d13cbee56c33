namespace SbbCommerce.Api.Modules.Catalog.Contracts;

/// <summary>The PostgreSQL enum <c>product_type</c>; serialised as its snake_case label.</summary>
public enum ProductType
{
    /// <summary><c>peptide</c></summary>
    Peptide,
    /// <summary><c>kit</c></summary>
    Kit,
    /// <summary><c>accessory</c></summary>
    Accessory,
    /// <summary><c>bundle</c></summary>
    Bundle,
}
