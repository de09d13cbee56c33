namespace SbbCommerce.Api.Common.Problems;

/// <summary>The machine codes of API.md, carried as <c>code</c> in every problem+json answer.</summary>
internal static class ErrorCodes
{
    // Generic
    public const string ValidationFailed = "validation_failed";
    public const string MalformedRequest = "malformed_request";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string PayloadTooLarge = "payload_too_large";
    public const string NotFound = "not_found";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string RateLimited = "rate_limited";
    public const string InternalError = "internal_error";
    public const string ConcurrencyConflict = "concurrency_conflict";
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    public const string RequestInProgress = "request_in_progress";
    public const string InvalidCursor = "invalid_cursor";
    public const string Unavailable = "unavailable";
    public const string Busy = "busy"; // a bulkhead's queue is full (503 with Retry-After)
}
