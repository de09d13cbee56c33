namespace SbbCommerce.Api.Modules.Catalog;

/// <summary>The <c>Catalog</c> configuration section.</summary>
internal sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>
    /// How long a public catalog read (product list, product page, category tree) is served from this host's
    /// memory. An admin change evicts this host's entries at once; other hosts see it when theirs expire, so this
    /// is the longest a visitor can see a stale price. 0 turns the cache off.
    /// </summary>
    public int ReadCacheSeconds { get; set; } = 5;

    /// <summary>
    /// The <c>stale-while-revalidate</c> of public catalog reads: how long a CDN or browser may keep serving an
    /// expired copy while it fetches a fresh one in the background.
    /// </summary>
    public int StaleWhileRevalidateSeconds { get; set; } = 30;

    /// <summary>Entries the read cache holds at most (each page or product is one).</summary>
    public int ReadCacheEntries { get; set; } = 4096;
}
