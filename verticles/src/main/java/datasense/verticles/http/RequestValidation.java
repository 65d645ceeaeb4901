package datasense.verticles.http;

import datasense.verticles.bus.BusError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.pointer.JsonPointer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.json.schema.JsonSchemaValidationException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.RequestBody;
import io.vertx.openapi.contract.Style;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.RequestUtils;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidationContext;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.analyser.ContentAnalyser;
import io.vertx.openapi.validation.transformer.FormTransformer;
import io.vertx.openapi.validation.transformer.LabelTransformer;
import io.vertx.openapi.validation.transformer.MatrixTransformer;
import io.vertx.openapi.validation.transformer.ParameterTransformer;
import io.vertx.openapi.validation.transformer.SimpleTransformer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks requests against the API document (api/openapi.json) before their routes run, so the document is the one
 * statement of what a request may hold: the path and query parameters of every operation and the JSON body of those
 * that take one, by vertx-openapi's parameter transformers, content analyser and schema validators (see {@link Checks}
 * for why not its RequestValidator). A request that does not fit is answered 400
 * {@code bad_request} naming the parameter or field and what the document wants there, a body that is not JSON 400
 * {@code bad_json}, in the one error shape ({@link HttpReplies#error}). What a schema cannot say (whose ids these
 * are, a URL without a password, the scopes a caller may grant) stays with the routes.
 *
 * <p>vertx-openapi is given a view of the document that holds only what it checks: each operation's parameters and
 * JSON body, under the operationId "METHOD path". It reads no responses (the document's HTML, CSV, PNG and PDF ones
 * are media types it does not know) and no upload bodies, which the upload routes stream to disk themselves.
 */
public final class RequestValidation {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern PARAMETER = Pattern.compile("(query|path|header|cookie) parameter (\\S+)");
    /** At most this many valid bodies remembered, each at most {@link #REMEMBERED_BYTES}: 2 MiB per verticle. */
    private static final int REMEMBERED_BODIES = 512;
    private static final int REMEMBERED_BYTES = 4096;
    /** The routing context's key of the operation a request is for. */
    private static final String OPERATION = "datasense.operation";

    private static final Map<Style, ParameterTransformer> TRANSFORMERS = Map.of(Style.SIMPLE, new SimpleTransformer(),
            Style.FORM, new FormTransformer(), Style.LABEL, new LabelTransformer(), Style.MATRIX, new MatrixTransformer());

    private final OpenAPIContract contract;
    private final BodyHandler json;
    /** Each operation's checks by operationId, compiled once (see {@link Checks}). */
    private final Map<String, Checks> checks = new HashMap<>();
    /**
     * Bodies found valid lately, each with its operationId: the same question asked again (a dashboard's tiles, a
     * cached answer) is not walked through the schema again, as a cached answer is not signed again. A pure function
     * of the bytes, so nothing goes stale; bounded, and used on this verticle's event loop only.
     */
    private final Map<Buffer, String> validBodies = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Buffer, String> eldest) {
            return size() > REMEMBERED_BODIES;
        }
    };

    private RequestValidation(OpenAPIContract contract, BodyHandler json) {
        this.contract = contract;
        this.json = json;
        SchemaRepository schemas = contract.getSchemaRepository();
        for (Operation operation : contract.operations()) {
            List<ParameterCheck> parameters = operation.getParameters().stream()
                    .map(p -> new ParameterCheck(p, schemas.validator(p.getSchema()))).toList();
            RequestBody body = operation.getRequestBody();
            MediaType mediaType = body == null ? null : body.getContent().get(MediaType.APPLICATION_JSON);
            checks.put(operation.getOperationId(), new Checks(parameters, body,
                    mediaType, mediaType == null ? null : schemas.validator(mediaType.getSchema())));
        }
    }

    /**
     * What one operation checks, with its schema validators made once: vertx-json-schema copies the document's whole
     * schema index into every validator it makes, and vertx-openapi's {@link io.vertx.openapi.validation.RequestValidator}
     * makes one per parameter and body of every request, on a worker thread: a cached answer cost 3 times the CPU
     * (docs/BENCHMARKS.md). The checks are the library's own steps (its transformers, content analyser, exceptions),
     * run on the event loop: parameters are short and a body is at most 1 MiB.
     */
    private record Checks(List<ParameterCheck> parameters, RequestBody body, MediaType mediaType, Validator bodySchema) {
        boolean none() {
            return parameters.isEmpty() && body == null;
        }
    }

    private record ParameterCheck(Parameter parameter, Validator schema) {
    }

    /**
     * Reads the document from the classpath and compiles its request view.
     *
     * @param json the handler that reads a JSON body (and refuses one over the limit) for the operations that take one
     */
    public static Future<RequestValidation> load(Vertx vertx, BodyHandler json) {
        return vertx.fileSystem().readFile(OperationsRoutes.OPENAPI)
                .map(Buffer::toJsonObject)
                .compose(document -> OpenAPIContract.from(vertx, requestView(document)))
                .map(contract -> new RequestValidation(contract, json));
    }

    /** Mounts the check on every request, after authentication and the tenant limits, before the routes. */
    void mount(Router router) {
        router.route().handler(this::readJsonBody).handler(this::validate);
    }

    /**
     * An operation's JSON body is read here, so it can be checked before its route sees it. The operation is found
     * once (a match of every path template) and kept for {@link #validate}.
     */
    private void readJsonBody(RoutingContext ctx) {
        Operation operation = contract.findOperation(ctx.request().path(), ctx.request().method());
        if (operation != null) {
            ctx.put(OPERATION, operation);
        }
        if (operation != null && operation.getRequestBody() != null) {
            json.handle(ctx);
        } else {
            ctx.next();
        }
    }

    private void validate(RoutingContext ctx) {
        Operation operation = ctx.get(OPERATION);
        Checks check = operation == null ? null : checks.get(operation.getOperationId());
        if (check == null || check.none()) {
            ctx.next();
            return;
        }
        // an upload's body waits for its route, which streams it (the checks finish at once: this is in case they don't)
        boolean hold = !ctx.request().isEnded();
        if (hold) {
            ctx.request().pause();
        }
        // every body these routes take is read as JSON, whatever Content-Type the client named (as before validation)
        Buffer body = ctx.body().buffer();
        RequestUtils.extract(ctx.request(), operation, () -> Future.succeededFuture(body))
                .map(request -> {
                    check(operation.getOperationId(), check, request);
                    return request;
                })
                .onComplete(checked -> {
                    if (hold) {
                        ctx.request().resume();
                    }
                    if (checked.succeeded()) {
                        ctx.next();
                    } else {
                        HttpReplies.error(ctx, refusal(operation, checked.cause()));
                    }
                });
    }

    /** The library's request validation, step for step, with the validators made once; throws what it throws. */
    private void check(String operationId, Checks check, ValidatableRequest request) {
        for (ParameterCheck p : check.parameters()) {
            Parameter parameter = p.parameter();
            RequestParameter value = switch (parameter.getIn()) {
                case PATH -> request.getPathParameters().get(parameter.getName());
                case QUERY -> request.getQuery().get(parameter.getName());
                case HEADER -> request.getHeaders().get(parameter.getName());
                case COOKIE -> request.getCookies().get(parameter.getName());
            };
            if (value == null || value.isNull()) {
                if (parameter.isRequired()) {
                    throw ValidatorException.createMissingRequiredParameter(parameter);
                }
                continue;
            }
            ParameterTransformer transformer = TRANSFORMERS.get(parameter.getStyle());
            if (transformer == null) {
                throw ValidatorException.createUnsupportedValueFormat(parameter);
            }
            OutputUnit result = p.schema().validate(transformer.transform(parameter, String.valueOf(value.get())));
            try {
                result.checkValidity();
            } catch (JsonSchemaValidationException e) {
                throw SchemaValidationException.createErrorFromOutputUnitType(parameter, result, e);
            }
        }
        if (check.body() == null) {
            return;
        }
        RequestParameter body = request.getBody();
        if (body == null || body.isEmpty()) {
            if (check.body().isRequired()) {
                throw new ValidatorException("The related request does not contain the required body.",
                        ValidatorErrorType.MISSING_REQUIRED_PARAMETER);
            }
            return;
        }
        Buffer bytes = body.getBuffer(Buffer.buffer());
        if (operationId.equals(validBodies.get(bytes))) {
            return;
        }
        ContentAnalyser content = ContentAnalyser.getContentAnalyser(check.mediaType(), MediaType.APPLICATION_JSON, bytes,
                ValidationContext.REQUEST);
        content.checkSyntacticalCorrectness();
        OutputUnit result = check.bodySchema().validate(content.transform());
        try {
            result.checkValidity();
        } catch (JsonSchemaValidationException e) {
            throw SchemaValidationException.createInvalidValueBody(result, ValidationContext.REQUEST, e);
        }
        if (bytes.length() <= REMEMBERED_BYTES) {
            validBodies.put(bytes.copy(), operationId);
        }
    }

    /**
     * The refusal of {@code body} by the JSON body schema of operation {@code operationId} ("POST /ask"), or null when
     * the body fits: for the clients that send the same body another way (a WebSocket frame, the event-bus bridge).
     */
    public BusError bodyRefusal(String operationId, JsonObject body) {
        Operation operation = contract.operation(operationId);
        OutputUnit result = checks.get(operationId).bodySchema().validate(body);
        return Boolean.TRUE.equals(result.getValid()) ? null : bodyRefused(operation, result);
    }

    /** The operations whose JSON body the document describes: what a test compiles every schema of. */
    List<Operation> operationsWithJsonBodies() {
        return contract.operations().stream().filter(o -> o.getRequestBody() != null).toList();
    }

    /**
     * The part of the document vertx-openapi checks: the paths with each operation's parameters and JSON body (a
     * body of other media types is left out), named "METHOD path", and the component schemas they refer to.
     */
    static JsonObject requestView(JsonObject document) {
        JsonObject paths = new JsonObject();
        document.getJsonObject("paths").forEach(path -> {
            JsonObject operations = new JsonObject();
            ((JsonObject) path.getValue()).forEach(entry -> {
                if (!METHODS.contains(entry.getKey())) {
                    return;
                }
                JsonObject operation = (JsonObject) entry.getValue();
                JsonObject checked = new JsonObject()
                        .put("operationId", entry.getKey().toUpperCase() + " " + path.getKey())
                        .put("responses", new JsonObject().put("default", new JsonObject().put("description", "see the API document")));
                if (operation.containsKey("parameters")) {
                    checked.put("parameters", operation.getJsonArray("parameters").copy());
                }
                JsonObject body = operation.getJsonObject("requestBody");
                JsonObject jsonContent = body == null ? null : body.getJsonObject("content").getJsonObject(MediaType.APPLICATION_JSON);
                if (jsonContent != null) {
                    checked.put("requestBody", new JsonObject().put("required", body.getBoolean("required", false))
                            .put("content", new JsonObject().put(MediaType.APPLICATION_JSON, jsonContent.copy())));
                }
                operations.put(entry.getKey(), checked);
            });
            paths.put(path.getKey(), operations);
        });
        return new JsonObject().put("openapi", document.getString("openapi"))
                .put("info", document.getJsonObject("info").copy())
                .put("paths", paths)
                .put("components", new JsonObject().put("schemas", document.getJsonObject("components").getJsonObject("schemas").copy()));
    }

    /** A validator's failure as the client sees it: 400, naming what was wrong, pointing at the document. */
    static BusError refusal(Operation operation, Throwable e) {
        if (e instanceof SchemaValidationException invalid) {
            Matcher parameter = PARAMETER.matcher(invalid.getMessage());
            if (!parameter.find()) {
                return bodyRefused(operation, invalid.getOutputUnit());
            }
            String name = parameter.group(2);
            String described = operation.getParameters().stream().filter(p -> p.getName().equals(name))
                    .map(p -> p.getOpenAPIModel().getString("description")).filter(d -> d != null).findFirst()
                    .map(d -> "; " + name + ": " + d).orElse("");
            return refused(operation, "the " + parameter.group(1) + " parameter '" + name + "' " + reason(invalid.getOutputUnit()) + described);
        }
        if (e instanceof ValidatorException failed && failed.type() == ValidatorErrorType.ILLEGAL_VALUE) {
            return BusError.badRequest("bad_json", "the body is not JSON", "send a JSON object with Content-Type: application/json");
        }
        if (e instanceof ValidatorException failed) {
            return refused(operation, failed.getMessage());
        }
        return BusError.from(e);
    }

    /** The body's refusal, naming its field, what was wrong and what the document says the field holds. */
    private static BusError bodyRefused(Operation operation, OutputUnit result) {
        JsonObject schema = operation.getOpenAPIModel().getJsonObject("requestBody").getJsonObject("content")
                .getJsonObject(MediaType.APPLICATION_JSON).getJsonObject("schema");
        // the subschema whose keyword failed ("#/properties/question/pattern" is in "#/properties/question")
        String keyword = mostRelevant(result).getKeywordLocation().replaceFirst("^#", "");
        Object failed = keyword.lastIndexOf('/') <= 0 ? schema
                : JsonPointer.from(keyword.substring(0, keyword.lastIndexOf('/'))).queryJson(schema);
        String described = failed instanceof JsonObject s && s.getString("description") != null ? "; " + s.getString("description") : "";
        return refused(operation, "the body" + field(result) + " " + reason(result) + described);
    }

    private static BusError refused(Operation operation, String message) {
        String name = operation.getOperationId();
        return BusError.badRequest("bad_request", message,
                "send what the API document describes for " + name + ": GET /openapi.json, or Swagger UI at /docs");
    }

    /** " field 'a.b'" for the value the most relevant error is about, "" for the whole body. */
    private static String field(OutputUnit result) {
        String location = mostRelevant(result).getInstanceLocation().replaceFirst("^#?/?", "");
        return location.isEmpty() ? "" : " field '" + location.replace('/', '.') + "'";
    }

    private static String reason(OutputUnit result) {
        OutputUnit error = mostRelevant(result);
        return error.getKeywordLocation().endsWith("/additionalProperties") ? "is not one the document describes"
                : "is invalid: " + error.getError();
    }

    /**
     * The innermost error (the longest keyword location: a property's type rather than "properties" failing); of
     * equals, the first.
     */
    private static OutputUnit mostRelevant(OutputUnit result) {
        List<OutputUnit> errors = result.getErrors();
        if (errors == null || errors.isEmpty()) {
            return result;
        }
        return errors.stream().reduce((a, b) -> b.getKeywordLocation().length() > a.getKeywordLocation().length() ? b : a).orElseThrow();
    }
}
