namespace SbbCommerce.Api.Common.Auditing;

/// <summary>
/// Records an admin mutation in <c>audit_logs</c>. The row is added to the request's DbContext, so it commits
/// (or rolls back) with the change it describes. Actor, role, ip, user agent and request id come from the request.
/// </summary>
internal interface IAuditWriter
{
    void Record(string action, string resourceType, Guid? resourceId, object? oldValues, object? newValues);
}
