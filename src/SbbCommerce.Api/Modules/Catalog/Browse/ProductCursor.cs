namespace SbbCommerce.Api.Modules.Catalog.Browse;

/// <summary>Keyset of the storefront list: by name, the id breaking ties.</summary>
/// <param name="Name">Name of the last product seen.</param>
/// <param name="Id">Id of the last product seen.</param>
internal sealed record ProductCursor(string Name, Guid Id);
