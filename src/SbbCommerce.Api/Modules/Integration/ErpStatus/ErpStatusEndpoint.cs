using SbbCommerce.Api.Modules.Integration.Outbox;
using SbbCommerce.Api.Modules.Integration.Views;

namespace SbbCommerce.Api.Modules.Integration.ErpStatus;

/// <summary>Is the ERP in step? Counts, oldest waiting message, dead letters, last success.</summary>
internal static class ErpStatusEndpoint
{
    public static RouteHandlerBuilder MapErpStatus(this RouteGroupBuilder admin) =>
        admin.MapGet("/erp/status", HandleAsync).WithName("AdminErpStatus")
            .WithSummary("Outbox health per destination: counts per status, oldest pending age, dead letters, last success, and whether "
                + "the ERP and email are configured.");

    private static async Task<Ok<ErpStatusResponse>> HandleAsync(OutboxStatusReader reader, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reader.ReadAsync(cancellationToken));
}
