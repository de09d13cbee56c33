namespace SbbCommerce.Api.Common.Idempotency;

/// <summary>What the store says about a key when a request arrives with it.</summary>
internal abstract record IdempotencyClaim
{
    /// <summary>The key is ours: run the request, then store its answer.</summary>
    public sealed record Acquired(Guid RecordId) : IdempotencyClaim;

    /// <summary>The first request finished: replay its answer.</summary>
    public sealed record Completed(int Status, string? ContentType, string? Location, byte[] Body) : IdempotencyClaim;

    /// <summary>The same key came with another request body or route.</summary>
    public sealed record Mismatch : IdempotencyClaim;

    /// <summary>The first request with this key is still running.</summary>
    public sealed record InProgress : IdempotencyClaim;
}
