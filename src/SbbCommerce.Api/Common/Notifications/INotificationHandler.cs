namespace SbbCommerce.Api.Common.Notifications;

/// <summary>Reacts to an in-process notification of another module (e.g. Cart merging on UserLoggedIn).</summary>
/// <typeparam name="TNotification">The notification record, from the publishing module's Contracts.</typeparam>
internal interface INotificationHandler<in TNotification>
{
    Task HandleAsync(TNotification notification, CancellationToken cancellationToken);
}
