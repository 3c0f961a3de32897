# One helper registers every test: one executable per test file, labelled, GUI tests offscreen.
#   flowdeck_add_test(NAME test_flow_model SOURCES test_flow_model.cpp LABEL core LIBS flowdeck_core)
function(flowdeck_add_test)
  cmake_parse_arguments(T "" "NAME;LABEL;TIMEOUT" "SOURCES;LIBS;ENV" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE Qt6::Test ${T_LIBS})
  target_compile_definitions(${T_NAME} PRIVATE
    FLOWDECK_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    FLOWDECK_BINARY_DIR="${PROJECT_BINARY_DIR}")
  add_test(NAME ${T_NAME} COMMAND $<TARGET_FILE:${T_NAME}>)
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 120)
  endif()
  set(env QT_QPA_PLATFORM=offscreen "FLOWDECK_CLI=$<TARGET_FILE:flowdeck-cli>" ${T_ENV})
  set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABEL}" TIMEOUT ${T_TIMEOUT}
    ENVIRONMENT "${env}")
endfunction()
