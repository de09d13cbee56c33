namespace SbbCommerce.Api.Common.Auditing.Trail;

/// <summary>One audit row as operators read it: who did what to which record, from where, and the values before and after.</summary>
/// <param name="Id">The row id.</param>
/// <param name="CreatedAt">When the change committed.</param>
/// <param name="Action">What was done (<c>product.updated</c>, <c>payment.verified</c>...).</param>
/// <param name="ResourceType">The kind of record (<c>product</c>, <c>order</c>...).</param>
/// <param name="ResourceId">That record's id.</param>
/// <param name="UserId">The actor's user id (null for the system).</param>
/// <param name="UserEmail">The actor's email at the time.</param>
/// <param name="UserRole">The actor's role at the time.</param>
/// <param name="IpAddress">Where the request came from.</param>
/// <param name="UserAgent">The actor's user agent.</param>
/// <param name="RequestId">The request's <c>X-Request-Id</c>, to find its log lines.</param>
/// <param name="Success">Whether the action succeeded.</param>
/// <param name="ErrorMessage">Why it failed, when it did.</param>
/// <param name="OldValues">The values before the change.</param>
/// <param name="NewValues">The values after the change.</param>
internal sealed record AuditLogResponse(
    Guid Id,
    DateTimeOffset CreatedAt,
    string Action,
    string ResourceType,
    Guid? ResourceId,
    Guid? UserId,
    string? UserEmail,
    string? UserRole,
    string? IpAddress,
    string? UserAgent,
    string? RequestId,
    bool Success,
    string? ErrorMessage,
    JsonElement? OldValues,
    JsonElement? NewValues)
{
    public static AuditLogResponse From(AuditLog row) => new(
        row.Id, row.CreatedAt, row.Action, row.ResourceType, row.ResourceId, row.UserId, row.UserEmail,
        row.UserRole is { } role ? SnakeCaseEnum.Label(role) : null, row.IpAddress?.ToString(), row.UserAgent, row.RequestId,
        row.Success, row.ErrorMessage, JsonValues.ParseOrNull(row.OldValues), JsonValues.ParseOrNull(row.NewValues));
}
