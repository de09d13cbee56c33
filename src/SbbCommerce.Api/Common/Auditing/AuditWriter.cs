using SbbCommerce.Api.Modules.Identity.Contracts;

namespace SbbCommerce.Api.Common.Auditing;

internal sealed class AuditWriter(
    SbbDbContext db,
    ICurrentUser currentUser,
    IHttpContextAccessor httpContextAccessor,
    TimeProvider timeProvider) : IAuditWriter
{
    public void Record(string action, string resourceType, Guid? resourceId, object? oldValues, object? newValues)
    {
        var request = RequestContext.From(httpContextAccessor.HttpContext);
        db.Set<AuditLog>().Add(new AuditLog
        {
            Id = Guid.CreateVersion7(),
            UserId = currentUser.UserId,
            UserEmail = currentUser.Email,
            UserRole = UserRoleLabels.TryParse(currentUser.Role, out var role) ? role : null,
            Action = action,
            ResourceType = resourceType,
            ResourceId = resourceId,
            OldValues = oldValues is null ? null : JsonDefaults.Serialize(oldValues),
            NewValues = newValues is null ? null : JsonDefaults.Serialize(newValues),
            IpAddress = request.IpAddress,
            UserAgent = request.UserAgent,
            RequestId = request.RequestId,
            Success = true,
            CreatedAt = timeProvider.GetDatabaseNow(),
        });
    }
}
