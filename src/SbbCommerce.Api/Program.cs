using SbbCommerce.Api.Common;
using SbbCommerce.Api.Common.Auditing.Trail;
using SbbCommerce.Api.Common.Diagnostics;
using SbbCommerce.Api.Common.Faults;
using SbbCommerce.Api.Common.Health;
using SbbCommerce.Api.Common.Idempotency;
using SbbCommerce.Api.Common.Jobs;
using SbbCommerce.Api.Modules.Cart;
using SbbCommerce.Api.Modules.Catalog;
using SbbCommerce.Api.Modules.Events;
using SbbCommerce.Api.Modules.Fulfillment;
using SbbCommerce.Api.Modules.Identity;
using SbbCommerce.Api.Modules.Integration;
using SbbCommerce.Api.Modules.Orders;
using SbbCommerce.Api.Modules.Payments;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Limits.MaxRequestBodySize = CommonModule.MaxRequestBodyBytes;
    kestrel.AddServerHeader = false; // no product banner for scanners
});
builder.AddSbbLogging();
builder.Services.AddCommon(builder.Configuration);
builder.Services.AddFaultInjection(builder.Configuration, builder.Environment);
builder.Services
    .AddIdentityModule(builder.Configuration)
    .AddCatalogModule(builder.Configuration)
    .AddCartModule(builder.Configuration)
    .AddOrdersModule(builder.Configuration)
    .AddPaymentsModule(builder.Configuration)
    .AddFulfillmentModule(builder.Configuration)
    .AddEventsModule(builder.Configuration)
    .AddIntegrationModule(builder.Configuration, builder.Environment);
var diagnostics = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
if (diagnostics)
{
    builder.Services.AddSingleton<EchoCounter>();
}

var app = builder.Build();

// `migrate` and `seed <environment>` run against the configured database and exit.
if (await DatabaseCommands.TryRunAsync(app, args))
{
    return;
}

app.UseMiddleware<RequestIdMiddleware>();
app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseMiddleware<NotReadyGate>();
app.UseSbbRequestLogging();
app.UseProblems();
app.UseMiddleware<ContentLengthLimitMiddleware>();
app.UseCors(CorsModule.StorefrontPolicy);
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<StorableTextMiddleware>();
app.UseRateLimiter();
app.UseMiddleware<LoadSheddingMiddleware>();
app.UseSbbSwagger();
app.UseMiddleware<IdempotencyMiddleware>();

app.MapSbbHealth();
app.MapSbbHangfireDashboard();
app.MapAuditLogEndpoints();
app.MapIdentityEndpoints()
    .MapCatalogEndpoints()
    .MapCartEndpoints()
    .MapOrdersEndpoints()
    .MapPaymentsEndpoints()
    .MapFulfillmentEndpoints()
    .MapEventsEndpoints()
    .MapIntegrationEndpoints();
if (diagnostics)
{
    app.MapDiagnosticsEndpoints();
}

await app.RunAsync();

/// <summary>The host's entry point (public for WebApplicationFactory).</summary>
public partial class Program;
