namespace SbbCommerce.Api.Modules.Events.Contracts;

/// <summary>
/// Records a server-side event in <c>events</c> inside the caller's transaction (it is added to the request's
/// DbContext and saved with the change it describes).
/// </summary>
public interface IEventRecorder
{
    void Record(ServerEvent serverEvent);
}
