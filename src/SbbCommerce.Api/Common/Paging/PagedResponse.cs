namespace SbbCommerce.Api.Common.Paging;

/// <summary>One page of a list: <c>{ items, nextCursor }</c>; <c>nextCursor</c> is null on the last page.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of this page.</param>
/// <param name="NextCursor">Opaque cursor for the next page, or null.</param>
public sealed record PagedResponse<T>(IReadOnlyList<T> Items, string? NextCursor);
