using SbbCommerce.Api.Modules.Events.Contracts;
using SbbCommerce.Api.Modules.Events.Data;

namespace SbbCommerce.Api.Modules.Events.Recording;

/// <summary>
/// Adds the event to the caller's DbContext. The request context (ip, user agent) comes on the event from the caller:
/// this class sits below the endpoints and never reads the HTTP request.
/// </summary>
internal sealed class ServerEventRecorder(SbbDbContext db, TimeProvider timeProvider)
    : IEventRecorder
{
    /// <summary>The design requires a session id; server events outside a browser session use this one.</summary>
    internal const string ServerSessionId = "server";

    public void Record(ServerEvent serverEvent)
    {
        ArgumentNullException.ThrowIfNull(serverEvent);
        if (serverEvent.UserId is null && string.IsNullOrEmpty(serverEvent.AnonymousId))
        {
            throw new ArgumentException("A server event names a user or an anonymous visitor.", nameof(serverEvent));
        }

        db.Set<TrackedEvent>().Add(new TrackedEvent
        {
            Id = Guid.CreateVersion7(),
            EventName = serverEvent.EventName,
            EventCategory = serverEvent.Category,
            UserId = serverEvent.UserId,
            AnonymousId = serverEvent.AnonymousId,
            SessionId = serverEvent.SessionId ?? ServerSessionId,
            ProductId = serverEvent.ProductId,
            CartId = serverEvent.CartId,
            OrderId = serverEvent.OrderId,
            PaymentId = serverEvent.PaymentId,
            Properties = serverEvent.Properties is null ? "{}" : JsonDefaults.Serialize(serverEvent.Properties),
            IpAddress = serverEvent.IpAddress,
            UserAgent = serverEvent.UserAgent,
            CreatedAt = timeProvider.GetDatabaseNow(),
        });
    }
}
