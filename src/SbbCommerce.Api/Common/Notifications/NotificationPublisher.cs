namespace SbbCommerce.Api.Common.Notifications;

/// <summary>
/// Publishes a notification to every registered handler, in the caller's DI scope, after the caller's transaction
/// committed. A failing handler is logged and does not fail the publisher's request (a login stays a login even if
/// the cart merge fails); the others still run.
/// </summary>
internal sealed partial class NotificationPublisher(IServiceProvider services, ILogger<NotificationPublisher> logger)
{
    public async Task PublishAsync<TNotification>(TNotification notification, CancellationToken cancellationToken)
        where TNotification : notnull
    {
        foreach (var handler in services.GetServices<INotificationHandler<TNotification>>())
        {
            try
            {
                await handler.HandleAsync(notification, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogHandlerFailed(logger, exception, handler.GetType().Name, typeof(TNotification).Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification handler {Handler} failed on {Notification}")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string handler, string notification);
}
