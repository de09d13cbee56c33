namespace SbbCommerce.Api.Common.Paging;

/// <summary>The usual keyset: newest first by creation time, the id breaking ties.</summary>
/// <param name="CreatedAt">Creation time of the last row seen.</param>
/// <param name="Id">Id of the last row seen.</param>
internal sealed record CreatedIdCursor(DateTimeOffset CreatedAt, Guid Id);
