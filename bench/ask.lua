-- wrk script for bench/run.sh: POST /ask with a fixed JSON body (the cache-hit scenario).
-- The question can be overridden with the ASK_QUESTION environment variable (default: total sales by region);
-- ASK_AUTHORIZATION, when set, is sent as the Authorization header.
local question = os.getenv("ASK_QUESTION") or "total sales by region"
local file_id = os.getenv("ASK_FILE_ID") or "f_abc123"
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local authorization = os.getenv("ASK_AUTHORIZATION")
if authorization and authorization ~= "" then
    wrk.headers["Authorization"] = authorization -- a credential verified on every request (auth-overhead)
end
wrk.body = string.format('{"file_id":"%s","question":"%s"}', file_id, question)
