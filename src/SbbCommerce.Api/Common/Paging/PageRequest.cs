namespace SbbCommerce.Api.Common.Paging;

/// <summary>
/// <c>?limit=</c> (default 50, max 200) and <c>?cursor=</c> of every list route. Out-of-range limits are clamped,
/// not refused, so a storefront never breaks on a guessed number.
/// </summary>
internal readonly record struct PageRequest(int Limit, string? Cursor)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static PageRequest From(int? limit, string? cursor) =>
        new(Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit), string.IsNullOrWhiteSpace(cursor) ? null : cursor);

    /// <summary>Reads the page's keyset cursor: true (and null) without one, false when the one sent cannot be decoded.</summary>
    public bool TryReadCursor<TKey>(out TKey? after)
        where TKey : class
    {
        after = null;
        return Cursor is null || KeysetCursor.TryDecode(Cursor, out after);
    }
}
