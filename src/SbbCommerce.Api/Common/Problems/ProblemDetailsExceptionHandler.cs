using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace SbbCommerce.Api.Common.Problems;

/// <summary>
/// The one place where exceptions become answers. Bad requests the framework detects while binding (malformed
/// JSON, oversized bodies, wrong content types) become 4xx problems; a lost optimistic-concurrency race becomes
/// 409 <c>concurrency_conflict</c>; a broken CHECK the code its module registered for it; an unreachable database 503 <c>unavailable</c>; anything else is a 500 with a traceId and no internals.
/// </summary>
internal sealed partial class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetailsService,
    DbConstraintCodes constraintCodes,
    ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, title) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, CodeOf(bad.StatusCode), TitleOf(bad.StatusCode)),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, ErrorCodes.ConcurrencyConflict,
                "The resource was changed by someone else; reload it and try again."),
            // A database CHECK is the last line of defence (e.g. stock on hand below what is reserved): the change
            // was refused and rolled back, which is the client's 422, not a server fault.
            DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.CheckViolation } check } =>
                (StatusCodes.Status422UnprocessableEntity, constraintCodes.CodeOf(check.ConstraintName), "The change breaks a rule of the data and was not saved."),
            // A concurrent request took the same unique value first: a lost race, answered like one.
            DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } } =>
                (StatusCodes.Status409Conflict, ErrorCodes.ConcurrencyConflict, "Someone else changed this at the same moment; reload and try again."),
            DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.StringDataRightTruncation or Npgsql.PostgresErrorCodes.NotNullViolation } } =>
                (StatusCodes.Status400BadRequest, ErrorCodes.ValidationFailed, "A value is missing or too long."),
            DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.ForeignKeyViolation } } =>
                (StatusCodes.Status422UnprocessableEntity, DbConstraintCodes.ConstraintViolated, "The change refers to something that does not exist."),
            // Backstop of StorableTextMiddleware: text PostgreSQL cannot hold (NUL: 22021, untranslatable: 22P05),
            // whether refused by the server or by the client's UTF-8 encoder (an unpaired surrogate).
            _ when IsUnstorableText(exception) =>
                (StatusCodes.Status400BadRequest, ErrorCodes.ValidationFailed, "A text contains a character that cannot be stored."),
            // PostgreSQL unreachable (refused, reset, restarting): nothing was written; the client may retry, and the
            // connection pool reconnects by itself once the server answers again.
            _ when IsDatabaseUnavailable(exception) =>
                (StatusCodes.Status503ServiceUnavailable, ErrorCodes.Unavailable, "The service is briefly unavailable; retry in a moment."),
            _ => (StatusCodes.Status500InternalServerError, ErrorCodes.InternalError, "An unexpected error occurred."),
        };

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "1";
            LogDatabaseUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name);
        }

        if (status >= 500)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        return await problemDetailsService.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = title,
                Type = ApiProblems.TypeOf(code),
                Extensions = { ["code"] = code },
            },
        });
    }

    private static bool IsUnstorableText(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is Npgsql.PostgresException { SqlState: "22021" or "22P05" }
                or System.Text.EncoderFallbackException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A connection that could not be opened or was lost (Npgsql's transient client-side failures), or a server that
    /// is shutting down, starting or out of connections. Serialization failures and deadlocks are transient too, but
    /// answered elsewhere: they are not an outage.
    /// </summary>
    internal static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case Npgsql.PostgresException postgres
                    when postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || postgres.SqlState is "57P01" or "57P02" or "57P03" or "53300":
                    return true;
                case Npgsql.PostgresException:
                    return false;
                case Npgsql.NpgsqlException { IsTransient: true }:
                    return true;
            }
        }

        return false;
    }

    private static string CodeOf(int status) => status == StatusCodes.Status400BadRequest
        ? ErrorCodes.MalformedRequest
        : ProblemsModule.CodeForStatus(status);

    private static string TitleOf(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status415UnsupportedMediaType => "The request content type is not supported.",
        _ => "The request could not be read (malformed body or parameters).",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable on {Method} {Path} ({ExceptionType}): answered 503")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string method, string path, string exceptionType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
