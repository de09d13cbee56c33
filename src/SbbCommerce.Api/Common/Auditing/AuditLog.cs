using SbbCommerce.Api.Modules.Identity.Contracts;
using System.Net;

namespace SbbCommerce.Api.Common.Auditing;

/// <summary>A row of <c>audit_logs</c>.</summary>
internal sealed class AuditLog
{
    public Guid Id { get; set; }
    public Guid? UserId { get; set; }
    public string? UserEmail { get; set; }
    public UserRole? UserRole { get; set; }
    public required string Action { get; set; }
    public required string ResourceType { get; set; }
    public Guid? ResourceId { get; set; }
    public string? OldValues { get; set; }
    public string? NewValues { get; set; }
    public IPAddress? IpAddress { get; set; }
    public string? UserAgent { get; set; }
    public string? RequestId { get; set; }
    public bool Success { get; set; } = true;
    public string? ErrorMessage { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
