namespace SbbCommerce.Api.Modules.Events.Contracts;

/// <summary>Puts the caller's request context on a server event: the recorder never looks at the HTTP request itself.</summary>
internal static class ServerEventRequest
{
    public static ServerEvent WithRequest(this ServerEvent serverEvent, RequestContext request)
    {
        ArgumentNullException.ThrowIfNull(serverEvent);
        ArgumentNullException.ThrowIfNull(request);
        return serverEvent with { IpAddress = request.IpAddress, UserAgent = request.UserAgent };
    }
}
