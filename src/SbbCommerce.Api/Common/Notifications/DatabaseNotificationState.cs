namespace SbbCommerce.Api.Common.Notifications;

/// <summary>Whether this host currently receives <see cref="DatabaseNotifications.Channel"/> messages.</summary>
internal sealed class DatabaseNotificationState
{
    private volatile bool _listening;

    public bool IsListening => _listening;

    internal void Set(bool listening) => _listening = listening;
}
