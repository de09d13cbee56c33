using SbbCommerce.Api.Common.Http;
using SbbCommerce.Api.Common.Json;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Modules.Events.Contracts;
using SbbCommerce.Api.Modules.Events.Data;

namespace SbbCommerce.Api.Modules.Events.Recording;

internal sealed class ServerEventRecorder(SbbDbContext db, IHttpContextAccessor httpContextAccessor, TimeProvider timeProvider)
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

        var request = RequestContext.From(httpContextAccessor.HttpContext);
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
            IpAddress = request.IpAddress,
            UserAgent = request.UserAgent,
            CreatedAt = timeProvider.GetUtcNow(),
        });
    }
}
