namespace SbbCommerce.Api.Common.Auditing.Trail;

/// <summary>The query of <c>GET /admin/audit-logs</c>: every given field narrows the trail.</summary>
internal sealed record AuditLogFilter(
    string? ResourceType, Guid? ResourceId, Guid? UserId, string? Action, DateTimeOffset? From, DateTimeOffset? To)
{
    public IQueryable<AuditLog> Apply(IQueryable<AuditLog> query)
    {
        query = ResourceType is null ? query : query.Where(a => a.ResourceType == ResourceType);
        query = ResourceId is null ? query : query.Where(a => a.ResourceId == ResourceId);
        query = UserId is null ? query : query.Where(a => a.UserId == UserId);
        query = Action is null ? query : query.Where(a => a.Action == Action);
        // Bounds on created_at also let PostgreSQL skip the monthly partitions outside them.
        query = From is not { } from ? query : query.Where(a => a.CreatedAt >= from.ToUniversalTime());
        query = To is not { } to ? query : query.Where(a => a.CreatedAt < to.ToUniversalTime());
        return query;
    }

    public void Validate(IDictionary<string, string[]> errors)
    {
        if (From is { } from && To is { } to && to <= from)
        {
            errors["to"] = ["Must be later than from."];
        }

        if (ResourceType is { Length: > 50 })
        {
            errors["resourceType"] = ["At most 50 characters."];
        }

        if (Action is { Length: > 100 })
        {
            errors["action"] = ["At most 100 characters."];
        }
    }
}
