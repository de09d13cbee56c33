using System.Reflection;
using Microsoft.OpenApi;

namespace SbbCommerce.Api.Common.OpenApi;

internal static class SwaggerModule
{
    public static IServiceCollection AddSbbSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "SbbCommerce API",
                Version = "v1",
                Description = "Commerce backend of Science Based Body. Errors are RFC 9457 problem+json with a machine `code`.",
            });
            options.AddSecurityDefinition(AuthResponsesOperationFilter.BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "Access token from POST /api/v1/auth/login.",
            });
            // Nullability from the C# annotations; required and validation rules from the filters below.
            options.SupportNonNullableReferenceTypes();
            options.SchemaFilter<RequiredPropertiesSchemaFilter>();
            options.SchemaFilter<ValidatorRulesSchemaFilter>();
            options.ParameterFilter<PagingParametersFilter>();
            options.OperationFilter<AuthResponsesOperationFilter>(); // before the problems: it adds 401 and 403
            options.OperationFilter<ProblemResponsesOperationFilter>();
            options.OperationFilter<HeadersOperationFilter>();
            options.DocumentFilter<SbbDocumentFilter>();
            var xml = Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml");
            if (File.Exists(xml))
            {
                options.IncludeXmlComments(xml, includeControllerXmlComments: false);
            }

            options.CustomSchemaIds(SchemaNames.Of);
        });
        return services;
    }

    /// <summary>Swagger UI at <c>/swagger</c>: open in Development, admins only elsewhere.</summary>
    public static WebApplication UseSbbSwagger(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseWhen(context => context.Request.Path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase),
                branch => branch.Use(async (context, next) =>
                {
                    if (context.User.IsInRole("admin") || context.User.IsInRole("super_admin"))
                    {
                        await next(context);
                        return;
                    }

                    context.Response.StatusCode = context.User.Identity?.IsAuthenticated == true
                        ? StatusCodes.Status403Forbidden
                        : StatusCodes.Status401Unauthorized;
                }));
        }

        app.UseSwagger(options =>
        {
            // 3.1: schemas are JSON Schema 2020-12, so nullability is a type list and clients and validators read it as is.
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            options.SetCustomDocumentSerializer<SwaggerDocumentSerializer>();
        });
        app.UseSwaggerUI(options => options.DocumentTitle = "SbbCommerce API");
        return app;
    }
}
