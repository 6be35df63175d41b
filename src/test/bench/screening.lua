-- wrk script: POST a fully answered intake (the Swagger "warfarin" case: free text, a finding).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[{"procedure":"mesotherapy-face","patient":{"age":61,"sex":"male"},
"answers":{"acuteInfection":"no","keloidTendency":"no","componentIntolerance":"no","allergicDisease":"no",
"bleedingDisorder":"no","anticoagulants":"no","chronicCardiovascularDisease":"no","tumor":"no",
"chronicRenalFailure":"no"},"medications":[{"text":"Warfarin 5 mg"}],
"conditions":[{"system":"icd-10","code":"I10"}]}]]

response = function(status, headers, body)
  if status ~= 200 then
    error("unexpected status " .. status)
  end
end
