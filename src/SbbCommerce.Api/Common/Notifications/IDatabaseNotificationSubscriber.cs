namespace SbbCommerce.Api.Common.Notifications;

/// <summary>
/// Reacts to messages of <see cref="DatabaseNotifications.Channel"/> (typically: drop a cached entry). Called on the
/// listener's thread, so it must be quick and must not block.
/// </summary>
internal interface IDatabaseNotificationSubscriber
{
    /// <summary>A message arrived; ignore topics that are not yours.</summary>
    void OnNotification(string topic, string key);

    /// <summary>
    /// The listener connected or lost its connection. Either way messages may have been missed, so a cache drops
    /// everything it holds; while not listening it should keep entries only briefly
    /// (<see cref="DatabaseNotificationState.IsListening"/>).
    /// </summary>
    void OnListeningChanged(bool listening);
}
