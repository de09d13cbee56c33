using Serilog;
using Serilog.Formatting.Compact;

namespace SbbCommerce.Api.Common.Http;

/// <summary>
/// Serilog to the console: readable in Development, compact JSON elsewhere (for the log shipper). Every line of a
/// request carries its RequestId (LogContext) and the W3C trace and span ids of the current activity (Serilog
/// reads Activity.Current; the JSON formatter writes them as <c>@tr</c> and <c>@sp</c>), so a log line leads to its trace.
/// </summary>
internal static class LoggingModule
{
    /// <summary>The plain-text line of the Development console (values unquoted: hence the escaping of control characters).</summary>
    public const string DevelopmentTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {RequestId} {TraceId} {Message:lj}{NewLine}{Exception}";

    /// <summary>The request's own line, written when its response is done.</summary>
    public const string RequestLineTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";

    public static WebApplicationBuilder AddSbbLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.With<ControlCharacterEscaper>() // after every other enricher: it escapes what they added too
                .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", Serilog.Events.LogEventLevel.Warning)
                .MinimumLevel.Override("Hangfire", Serilog.Events.LogEventLevel.Information);
            if (development)
            {
                logger.WriteTo.Console(outputTemplate: DevelopmentTemplate);
            }
            else
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
        });
        return builder;
    }

    /// <summary>One line per request with status, time and request id (never bodies or headers: secrets).</summary>
    public static IApplicationBuilder UseSbbRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            // This host's logger, not the process-wide static one (the last host built would take every request line).
            options.Logger = app.ApplicationServices.GetService<Serilog.ILogger>();
            options.MessageTemplate = RequestLineTemplate;
            options.GetLevel = (context, _, exception) => exception is not null || context.Response.StatusCode >= 500
                ? Serilog.Events.LogEventLevel.Error
                : Serilog.Events.LogEventLevel.Information;
        });
}
